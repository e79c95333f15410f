export * from './scopes';
export * from './stamp';
export * from './likert';
export * from './learner-scores';
export * from './course-report';
export * from './org-unit-report';
export * from './programme-report';
export * from './snapshots';
