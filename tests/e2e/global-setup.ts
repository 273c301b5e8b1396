/**
 * The end-to-end tests run against real builds: `dist/` (made by `npm run build`, the step before them in
 * `npm test`), and two more made here from the same content: one under the sub-path /handbook/, and the offline
 * edition (`npm run build:offline`: the folder, its PDF books and the zip), which the zip and PDF tests read.
 */
import { existsSync } from 'node:fs';
import { astroBuild } from '../support/build';

export const SUBPATH_DIST = 'tests/.tmp/dist-subpath';
export const OFFLINE_DIST = 'dist-offline/handbook';

export default function setup() {
	if (!existsSync('dist/index.html')) {
		throw new Error('dist/ 不存在：先运行 npm run build（npm test 会自动先构建）。');
	}
	const r = astroBuild(SUBPATH_DIST, { BASE: '/handbook/' });
	if (r.status !== 0) throw new Error(`子路径构建失败：\n${r.stdout}\n${r.stderr}`);
	const offline = astroBuild(OFFLINE_DIST, { HANDBOOK_EDITION: 'file' });
	if (offline.status !== 0) throw new Error(`离线文件版构建失败：\n${offline.stdout}\n${offline.stderr}`);
}
