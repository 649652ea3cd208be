/** Everything English the first load leaves out: the texts and the reasons' texts, one chunk loaded on demand. */
export { en } from './en';
export { enReasons } from './reasons-en';
