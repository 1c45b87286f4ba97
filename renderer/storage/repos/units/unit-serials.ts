import type { Unit } from '../../../../core/model/unit'
import { dates } from '../../../app/lab-dates'

type SerialOf = Pick<Unit, 'productId' | 'serialNumber'>

/** A serial as two units are compared: trimmed and ignoring case ("sn-0001 " is SN-0001). */
const serialKey = (serial: string) => serial.trim().toUpperCase()

/** One product's serial, as a key: two units with the same key are the same physical sample recorded twice. */
export const serialKeyOf = (unit: SerialOf) => `${unit.productId}\u0000${serialKey(unit.serialNumber)}`

export const sameSerial = (a: SerialOf, b: SerialOf) => serialKeyOf(a) === serialKeyOf(b)

/** The unit received first (then recorded first): the one a duplicate is measured against. */
export function firstReceived(units: readonly Unit[]): Unit | undefined {
  return [...units].sort(
    (a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.createdAt.localeCompare(b.createdAt),
  )[0]
}

/** Why a unit with twin's product and serial is refused, naming twin so the person can find it. */
export function duplicateSerialMessage(twin: Unit): string {
  const from = twin.receivedFrom ? ` from ${twin.receivedFrom}` : ''
  return (
    `Serial number ${twin.serialNumber} is already recorded for this product (unit ${twin.serialNumber}, ` +
    `received on ${dates.calendarDate(twin.receivedOn)}${from}): open that unit instead, or correct the serial number.`
  )
}
