import { countOf } from '../core/text/plural'
import type { ScreenFacts, ScreenKind } from './browser/lab-year-timing.init'
import { pageRows, whole, type Lab } from './lab-year-screens'

/** Throws unless the screen showed the lab's data in full at its first paint. */
export function expectFacts(lab: Lab, kind: ScreenKind, facts: ScreenFacts, label: string): void {
  const { counts, targets } = lab.seeded
  const [first = '', second = '', third = ''] = facts.text
  const fail = (what: string) => {
    throw new Error(`${lab.label}, ${label}: ${what} (it showed ${JSON.stringify(facts)}).`)
  }
  const listed = (n: number) => {
    if (first !== `${n} shown` || facts.rows !== Math.min(n, pageRows))
      fail(`expected "${n} shown" and ${Math.min(n, pageRows)} rows`)
  }
  switch (kind) {
    case 'products':
      return listed(counts.products)
    case 'units':
      return listed(counts.units)
    case 'hubs':
      return listed(counts.hubs)
    case 'skills':
      return listed(counts.skills)
    case 'plans':
      return listed(counts.plans)
    case 'sessions':
      // The newest page paints first and the rest is read after it: "100 shown" then, on a lab with more.
      if (counts.sessions > pageRows && first === `${pageRows} shown` && facts.rows === pageRows) return
      return listed(counts.sessions)
    case 'runner':
      if (
        !first.startsWith(`Case 1 of ${targets.runnerCases}`) ||
        // The count line goes on to say which undecided cases are which ("· not decided: …").
        !second.startsWith(`${targets.runnerDecided} of ${targets.runnerCases} cases decided`) ||
        !third.startsWith(`${targets.runnerFirstCase} ·`) ||
        facts.rows === 0
      ) {
        fail(
          `expected case 1 of ${targets.runnerCases} (${targets.runnerFirstCase}) with ${targets.runnerDecided} decided`,
        )
      }
      return
    case 'product':
      if (first !== targets.productLabel || facts.rows !== targets.productSessions)
        fail(`expected ${targets.productLabel} with ${targets.productSessions} sessions`)
      return
    case 'audit': {
      const total = targets.productAudit
      const line =
        total > pageRows
          ? `The newest ${pageRows} entries of ${whole(total)}, newest first.`
          : `${countOf(total, 'entry', 'entries')}, newest first.`
      // The entries paint first and the total is counted after them.
      const counting = total > pageRows ? `The newest ${pageRows} entries, newest first.` : line
      if ((first !== line && first !== counting) || facts.rows !== Math.min(total, pageRows))
        fail(`expected "${line}" and ${Math.min(total, pageRows)} rows`)
      return
    }
    case 'reviews':
      // The readiness-open bench checks its own lab's matrix; lab-year seeds no listings.
      return fail('lab-year does not time the readiness matrix')
    default:
      return assertNever(kind)
  }
}

function assertNever(value: never): never {
  throw new Error(`Unknown screen: ${String(value)}`)
}
