export * from './questionnaire';
export * from './answers';
export * from './summary';
export * from './follow-up';
export * from './statistics';
