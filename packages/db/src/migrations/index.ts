import { Foundation1764363600000 } from './1764363600000-Foundation';
import { Courses1764370800000 } from './1764370800000-Courses';

/** Every migration, in order. TypeORM 1.x takes classes, not globs (STACK.md). */
export const migrations = [Foundation1764363600000, Courses1764370800000];
