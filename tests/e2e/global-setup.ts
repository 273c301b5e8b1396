/**
 * The end-to-end tests run against real builds: `dist/` (made by `npm run build`, the step before them in
 * `npm test`) and a second build of the same content under the sub-path /handbook/, made here.
 */
import { existsSync } from 'node:fs';
import { astroBuild } from '../support/build';

export const SUBPATH_DIST = 'tests/.tmp/dist-subpath';

export default function setup() {
	if (!existsSync('dist/index.html')) {
		throw new Error('dist/ 不存在：先运行 npm run build（npm test 会自动先构建）。');
	}
	const r = astroBuild(SUBPATH_DIST, { BASE: '/handbook/' });
	if (r.status !== 0) throw new Error(`子路径构建失败：\n${r.stdout}\n${r.stderr}`);
}
