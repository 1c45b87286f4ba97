import type { Section } from '../../app/route'

const plans: Readonly<Record<'reviews' | 'availability' | 'packets', { title: string; text: string }>> = {
  reviews: {
    title: 'Reviews',
    text: 'Listing reviews are not built yet. A later release compares each captured Amazon listing with the tested unit and records the reviewer’s decisions.',
  },
  availability: {
    title: 'Availability',
    text: 'Availability tracking is not built yet. A later release records outages and computes availability against the badge thresholds.',
  },
  packets: {
    title: 'Packets',
    text: 'Signed packets are not built yet. A later release exports and verifies packets anyone can check with openssl and sha256sum.',
  },
}

/** A section a later release builds: says so plainly instead of showing made-up data. */
export function PlannedSection({ section }: { section: Extract<Section, keyof typeof plans> }) {
  const plan = plans[section]
  return (
    <section aria-labelledby="planned-title">
      <h1 id="planned-title">{plan.title}</h1>
      <p className="notice">{plan.text}</p>
    </section>
  )
}
