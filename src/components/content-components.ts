/** The components every content page's MDX may use without importing them (pages add their own `table`). */
import ContentLink from './ContentLink.astro';
import Note from './Note.astro';
import Rule from './Rule.astro';
import Steps from './Steps.astro';

export const contentComponents = { Note, Steps, Rule, a: ContentLink };
