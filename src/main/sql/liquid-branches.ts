// Liquid's alternative branches in SQL (`{% if %} … {% else %} … {% endif %}`, `{% case %}{% when %}`): only one
// runs, but the report may read the tables of any, so the table-reference scanner (table-refs.ts) reads every
// branch as if it started where the block opened — `FROM {% if eu %} eu.orders {% else %} us.orders {% endif %}`
// reads both tables.
import type { Frame } from './scanner-state.ts'

interface LiquidBlock {
  /** The frame depth and FROM state where the block opened. */
  depth: number
  inFrom: boolean
  lastIntro: Frame['lastIntro']
  /** Whether a table was expected where it opened (and whether it is written), or null. */
  write: boolean | null
}

/** Nesting deeper than this is not followed (the blocks still balance; branches just stop restoring state). */
const MAX_DEPTH = 64

export class LiquidBranches {
  private readonly blocks: LiquidBlock[] = []

  /** At an opening tag; `write` non-null when a table (read or written) was expected right there. */
  enter(frames: Frame[], write: boolean | null): void {
    const frame = frames[frames.length - 1]!
    if (this.blocks.length < MAX_DEPTH) this.blocks.push({ depth: frames.length, inFrom: frame.inFrom, lastIntro: frame.lastIntro, write })
  }

  /** At a closing tag. */
  leave(): void {
    this.blocks.pop()
  }

  /**
   * At `{% else %}`, `{% elsif %}` or `{% when %}`: puts the frames back as they were where the block opened (a
   * parenthesis the previous branch opened does not apply to this one). Returns whether a table is expected
   * now (true: written, false: read) or null.
   */
  branch(frames: Frame[]): boolean | null {
    const block = this.blocks[this.blocks.length - 1]
    if (block === undefined) return null
    if (frames.length > block.depth) frames.length = block.depth
    if (frames.length === block.depth) {
      const frame = frames[frames.length - 1]!
      frame.inFrom = block.inFrom
      frame.lastIntro = block.lastIntro
    }
    return block.write
  }
}
