/** Runs a command and reports its wall time and the peak memory of its whole process tree (Linux /proc). */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

function treeRss(root: number): number {
	const children = new Map<number, number[]>();
	const rss = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			const pid = Number(name);
			children.set(ppid, [...(children.get(ppid) ?? []), pid]);
			const status = readFileSync(`/proc/${name}/status`, 'utf8');
			rss.set(pid, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
		} catch {
			// the process ended while we looked
		}
	}
	let total = 0;
	const stack = [root];
	while (stack.length) {
		const pid = stack.pop()!;
		total += rss.get(pid) ?? 0;
		stack.push(...(children.get(pid) ?? []));
	}
	return total;
}

export async function measure(cmd: string, args: string[], env: Record<string, string>): Promise<{ seconds: number; peakBytes: number; output: string }> {
	const started = performance.now();
	const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	let peak = 0;
	const timer = setInterval(() => {
		if (child.pid) peak = Math.max(peak, treeRss(child.pid));
	}, 100);
	const code: number = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
	clearInterval(timer);
	if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${output.slice(-4000)}`);
	return { seconds: (performance.now() - started) / 1000, peakBytes: peak, output };
}
