import { expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content-check';
import { loadContent } from '../../src/integrations/content-source';

it('the good fixture has no problems', () => {
	expect(loadContent('tests/fixtures/good').problems.map(formatProblem)).toEqual([]);
});
