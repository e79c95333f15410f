export * from './org-unit.entity';
export * from './position.entity';
export * from './user.entity';
export * from './auth-session.entity';
export * from './user-import.entity';
export * from './course.entity';
export * from './file.entity';
export * from './learning.entity';
