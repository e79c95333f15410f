import { useEffect, useState } from 'react';
import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';

interface Props {
  label: string;
  placeholder?: string;
  value: string;
  /** Called 300 ms after the user stops typing (and at once on Enter). */
  onChange: (value: string) => void;
}

/** A labelled search box that does not fire a request per keystroke. */
export function SearchField({ label, placeholder, value, onChange }: Props) {
  const [text, setText] = useState(value);
  const debounced = useDebouncedCallback((v: string) => onChange(v.trim()), 300);
  // The value changed from outside (navigation, "clear filters"): show it, drop pending input.
  useEffect(() => {
    setText(value);
  }, [value]);
  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      value={text}
      leftSection={<IconSearch size={16} aria-hidden />}
      onChange={(e) => {
        setText(e.currentTarget.value);
        debounced(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          debounced.cancel();
          onChange(text.trim());
        }
      }}
      style={{ flex: '1 1 14rem' }}
    />
  );
}
