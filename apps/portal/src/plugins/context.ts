import { createContext, useContext } from 'react';

/**
 * What a block's Viewer may need beyond its data, without widening the SDK's ViewerProps:
 * the block's key (set by LessonView for every block) and the enrolment the lesson is read
 * in (set by the player; absent in the studio preview and the admin review). The core quiz
 * block uses both to find the learner's attempts.
 */
export const BlockKeyContext = createContext<string | null>(null);
export const EnrollmentContext = createContext<string | null>(null);

export const useBlockKey = () => useContext(BlockKeyContext);
export const useEnrollmentId = () => useContext(EnrollmentContext);
