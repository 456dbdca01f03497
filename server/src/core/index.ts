export { analyze } from './analyze';
export { rules } from './rules';
export type * from './model';
