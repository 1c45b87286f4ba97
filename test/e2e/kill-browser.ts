import { readdir, readFile } from 'node:fs/promises'

/** The command line of every process, by pid; processes that end while being read are skipped. */
async function commandLines(): Promise<Map<number, string[]>> {
  const found = new Map<number, string[]>()
  for (const name of await readdir('/proc')) {
    const pid = Number(name)
    if (!Number.isInteger(pid)) continue
    try {
      const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8')
      found.set(
        pid,
        raw.split('\0').filter((arg) => arg !== ''),
      )
    } catch {
      // Gone already, or not ours to read.
    }
  }
  return found
}

const kill = (pid: number) => {
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    // Gone already.
  }
}

/**
 * SIGKILLs the Chromium browser process running on this profile, its process
 * group and every helper process of the profile, as a crash or a power cut
 * would: nothing gets to flush anything. Returns the browser's pid.
 */
export async function killBrowserOf(profileDir: string): Promise<number> {
  const processes = await commandLines()
  const onProfile = [...processes].filter(([, args]) => args.includes(`--user-data-dir=${profileDir}`))
  const browser = onProfile.find(([, args]) => !args.some((arg) => arg.startsWith('--type=')))
  if (!browser) throw new Error(`No Chromium browser process runs on the profile ${profileDir}.`)
  const [pid] = browser
  // Playwright starts the browser as the leader of its own process group: the group takes the zygote and renderers with it.
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    kill(pid)
  }
  for (const [helper] of onProfile) kill(helper)
  // Until /proc says it is gone, its files may still be open.
  for (let i = 0; i < 200; i++) {
    const left = await commandLines()
    if (![...left.keys()].some((p) => p === pid || onProfile.some(([h]) => h === p))) return pid
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error(`Chromium (pid ${pid}) on ${profileDir} did not end after SIGKILL.`)
}
