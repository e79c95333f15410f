import { useEffect } from 'react';

/** "Pegawai · Cakap" in the tab and for screen readers announcing the page. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Cakap` : 'Cakap';
  }, [title]);
}
