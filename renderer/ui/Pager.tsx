import './Pager.css'

type Props = {
  /** The zero-based page shown, and how many pages there are. */
  readonly page: number
  readonly pages: number
  /** How many items in all, and how many a page holds. */
  readonly total: number
  readonly perPage: number
  /** What the items are called in the pager's words: "Cases", "Rows". */
  readonly noun: string
  /** What the pages are of, for the navigation's name: "cases", "units". */
  readonly of: string
  /** The buttons' words: "Previous cases" / "Next cases", or "Previous 100" / "Next 100". */
  readonly previous: string
  readonly next: string
  readonly onPage: (page: number) => void
}

const whole = (n: number) => n.toLocaleString('en-US')

/** Previous and next, with "Cases 51–100 of 120" between them announced politely; nothing when one page holds all. */
export function Pager({ page, pages, total, perPage, noun, of, previous, next, onPage }: Props) {
  if (pages <= 1) return null
  const from = page * perPage + 1
  const to = Math.min(total, (page + 1) * perPage)
  return (
    <nav className="pager" aria-label={`Pages of ${of}`}>
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {previous}
      </button>
      <span aria-live="polite">
        {noun} {whole(from)}–{whole(to)} of {whole(total)}
      </span>
      <button type="button" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        {next}
      </button>
    </nav>
  )
}
