import { Foundation1764363600000 } from './1764363600000-Foundation';
import { Courses1764370800000 } from './1764370800000-Courses';
import { Learning1764378000000 } from './1764378000000-Learning';
import { CourseAssignments1764385200000 } from './1764385200000-CourseAssignments';
import { Quiz1764392400000 } from './1764392400000-Quiz';
import { Competencies1764399600000 } from './1764399600000-Competencies';
import { Certificates1764406800000 } from './1764406800000-Certificates';
import { NotificationDeliveries1764410400000 } from './1764410400000-NotificationDeliveries';
import { Evaluation1764414000000 } from './1764414000000-Evaluation';
import { ProgrammeEvaluation1764417600000 } from './1764417600000-ProgrammeEvaluation';

/** Every migration, in order. TypeORM 1.x takes classes, not globs (STACK.md). */
export const migrations = [Foundation1764363600000, Courses1764370800000, Learning1764378000000, CourseAssignments1764385200000, Quiz1764392400000, Competencies1764399600000, Certificates1764406800000, NotificationDeliveries1764410400000, Evaluation1764414000000, ProgrammeEvaluation1764417600000];
