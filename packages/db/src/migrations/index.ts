import { Foundation1764363600000 } from './1764363600000-Foundation';

/** Every migration, in order. TypeORM 1.x takes classes, not globs (STACK.md). */
export const migrations = [Foundation1764363600000];
