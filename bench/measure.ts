/**
 * Runs a command and reports its wall time and the peak memory of its whole process tree (Linux /proc), with the
 * share of each program (node, pagefind, chromium …) at that peak and each program's own peak.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory of `root` and its descendants, by program name. */
function treeRss(root: number): Map<string, number> {
	const children = new Map<number, number[]>();
	const rss = new Map<number, { name: string; bytes: number }>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			const pid = Number(entry);
			children.set(ppid, [...(children.get(ppid) ?? []), pid]);
			const status = readFileSync(`/proc/${entry}/status`, 'utf8');
			// Node names its main thread, and so its process, “MainThread”.
			const name = (/^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?').replace(/^MainThread$/, 'node');
			rss.set(pid, { name, bytes: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024 });
		} catch {
			// the process ended while we looked
		}
	}
	const byName = new Map<string, number>();
	const stack = [root];
	while (stack.length) {
		const pid = stack.pop()!;
		const p = rss.get(pid);
		if (p) byName.set(p.name, (byName.get(p.name) ?? 0) + p.bytes);
		stack.push(...(children.get(pid) ?? []));
	}
	return byName;
}

export interface Measured {
	seconds: number;
	peakBytes: number;
	/** Each program's memory at the moment of the peak. */
	atPeak: Map<string, number>;
	/** Each program's own highest memory during the run. */
	peaks: Map<string, number>;
	output: string;
}

export async function measure(cmd: string, args: string[], env: Record<string, string>): Promise<Measured> {
	const started = performance.now();
	const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	let peak = 0;
	let atPeak = new Map<string, number>();
	const peaks = new Map<string, number>();
	const timer = setInterval(() => {
		if (!child.pid) return;
		const now = treeRss(child.pid);
		const total = [...now.values()].reduce((a, b) => a + b, 0);
		if (total > peak) [peak, atPeak] = [total, now];
		for (const [name, bytes] of now) peaks.set(name, Math.max(peaks.get(name) ?? 0, bytes));
	}, 100);
	const code: number = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
	clearInterval(timer);
	if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${output.slice(-4000)}`);
	return { seconds: (performance.now() - started) / 1000, peakBytes: peak, atPeak, peaks, output };
}

/** “node 1,210 MB + pagefind 640 MB” */
export function describeMemory(m: Map<string, number>): string {
	return [...m]
		.filter(([, b]) => b > 20 * 1024 * 1024)
		.sort((a, b) => b[1] - a[1])
		.map(([name, b]) => `${name} ${Math.round(b / 1024 / 1024).toLocaleString('en-US')} MB`)
		.join(' + ');
}
