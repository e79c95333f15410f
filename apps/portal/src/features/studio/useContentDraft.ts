import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorCode, type CourseContent, type CourseWithContent, type FieldError } from '@cakap/contracts';
import { isApiError } from '../../api';
import { api } from '../../api';
import { courseKeys, putContent } from '../../api/courses';
import {
  backupLocalDraft,
  clearLocalDraft,
  mapContentErrors,
  readLocalDraft,
  sameContent,
  writeLocalDraft,
  type ContentErrors,
} from './draft';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'error' | 'conflict';

export const AUTOSAVE_DELAY = 1500;
const NO_ERRORS: ContentErrors = { blocks: {}, titles: {}, other: [] };

/**
 * The draft tree of a course while the studio edits it: every change goes to localStorage at
 * once (a crash or reload loses nothing) and to the api 1.5 s after the last change, with the
 * revision it was based on. A 409 `content_conflict` stops autosaving and keeps the edits.
 */
export function useContentDraft(course: CourseWithContent, editable: boolean) {
  const queryClient = useQueryClient();
  const courseId = course.id;
  // Unsaved edits from an earlier session on the same revision come back on their own.
  const [initial] = useState(() => {
    const local = readLocalDraft(courseId);
    if (local && !sameContent(local.content, course.content)) {
      return { content: local.content, fileUrls: { ...course.fileUrls, ...local.fileUrls }, restored: true, stale: local.revision !== course.revision };
    }
    if (local) clearLocalDraft(courseId);
    return { content: course.content, fileUrls: course.fileUrls, restored: false, stale: false };
  });
  const [content, setContent] = useState<CourseContent>(initial.content);
  const [fileUrls, setFileUrls] = useState<Record<string, string>>(initial.fileUrls);
  const [state, setState] = useState<SaveState>(initial.restored && !initial.stale ? 'dirty' : initial.stale ? 'conflict' : 'saved');
  const [error, setError] = useState<unknown>(null);
  const [errors, setErrors] = useState<ContentErrors>(NO_ERRORS);
  const [restored] = useState(initial.restored);

  const revision = useRef(course.revision);
  /** The tree the server has at `revision` (what this tab last loaded or saved). */
  const lastSaved = useRef(course.content);
  const latest = useRef(content);
  latest.current = content;
  const fileUrlsRef = useRef(fileUrls);
  fileUrlsRef.current = fileUrls;
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  const save = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!editable || stateRef.current === 'conflict') return;
    if (inFlight.current) {
      timer.current = setTimeout(() => void save(), 300);
      return;
    }
    const sent = latest.current;
    inFlight.current = true;
    setState('saving');
    try {
      const res = await putContent(courseId, { modules: sent.modules, revision: revision.current });
      if (res && typeof res.revision === 'number') revision.current = res.revision;
      else revision.current += 1;
      const stored = res?.content ?? { modules: sent.modules };
      lastSaved.current = stored;
      const urls = res?.fileUrls ? { ...fileUrlsRef.current, ...res.fileUrls } : fileUrlsRef.current;
      if (res?.fileUrls) setFileUrls(urls);
      setErrors(NO_ERRORS);
      setError(null);
      queryClient.setQueryData<CourseWithContent>(courseKeys.one(courseId), (old) =>
        old ? { ...old, ...(res ?? {}), content: stored, revision: revision.current, fileUrls: urls } : old,
      );
      if (sameContent(sent, latest.current)) {
        clearLocalDraft(courseId);
        setState('saved');
      } else {
        writeLocalDraft(courseId, { content: latest.current, revision: revision.current, fileUrls: urls });
        setState('dirty');
        timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY);
      }
    } catch (e) {
      setError(e);
      if (isApiError(e) && e.status === 409 && e.code === ErrorCode.ContentConflict) {
        setState('conflict');
      } else {
        if (isApiError(e) && e.errors.length) setErrors(mapContentErrors(e.errors, sent));
        setState('error');
      }
    } finally {
      inFlight.current = false;
    }
  }, [courseId, editable, queryClient]);

  const update = useCallback(
    (next: CourseContent) => {
      setContent(next);
      latest.current = next;
      writeLocalDraft(courseId, { content: next, revision: revision.current, fileUrls: fileUrlsRef.current });
      if (stateRef.current === 'conflict') return;
      setState('dirty');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY);
    },
    [courseId, save],
  );

  // Metadata and workflow steps of this tab bump the revision without touching the tree: follow.
  const serverRevision = course.revision;
  const serverContent = course.content;
  useEffect(() => {
    if (serverRevision > revision.current && sameContent(serverContent, lastSaved.current)) revision.current = serverRevision;
  }, [serverRevision, serverContent]);

  // A restored draft on the current revision saves itself.
  useEffect(() => {
    if (initial.restored && !initial.stale && editable) timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [initial, editable, save]);

  const addFileUrl = useCallback(
    (id: string, url: string) => {
      const urls = { ...fileUrlsRef.current, [id]: url };
      fileUrlsRef.current = urls;
      setFileUrls(urls);
      writeLocalDraft(courseId, { content: latest.current, revision: revision.current, fileUrls: urls });
    },
    [courseId],
  );

  /** Conflict: take the newest revision from the server and save my edits on top of it. */
  const keepMine = useCallback(async () => {
    const fresh = await api.get<CourseWithContent>(`/courses/${courseId}`);
    revision.current = fresh.revision;
    lastSaved.current = fresh.content;
    setFileUrls((u) => ({ ...fresh.fileUrls, ...u }));
    stateRef.current = 'dirty';
    setState('dirty');
    await save();
  }, [courseId, save]);

  /** Conflict: load the server's version; my edits are kept aside in localStorage. */
  const takeTheirs = useCallback(async () => {
    const fresh = await api.get<CourseWithContent>(`/courses/${courseId}`);
    backupLocalDraft(courseId, { content: latest.current, revision: revision.current, fileUrls: fileUrlsRef.current });
    clearLocalDraft(courseId);
    revision.current = fresh.revision;
    lastSaved.current = fresh.content;
    latest.current = fresh.content;
    setContent(fresh.content);
    setFileUrls(fresh.fileUrls);
    setErrors(NO_ERRORS);
    setError(null);
    setState('saved');
    queryClient.setQueryData(courseKeys.one(courseId), fresh);
  }, [courseId, queryClient]);

  // Leaving the page with unsaved edits asks first.
  const unsaved = state !== 'saved';
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved]);

  /** Marks the blocks a refused submission named (the server checks finished content only then). */
  const showErrors = useCallback((fieldErrors: FieldError[]) => setErrors(mapContentErrors(fieldErrors, latest.current)), []);

  return { content, update, state, error, errors, showErrors, fileUrls, addFileUrl, save, keepMine, takeTheirs, restored, unsaved, revision };
}
