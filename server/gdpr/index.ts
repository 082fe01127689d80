/** Personal data (GDPR): find, export and delete what a board holds about a person. Other layers use gdpr only through this file. */
export { Persons } from './persons';
