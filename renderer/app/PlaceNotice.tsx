import { useEffect } from 'react'
import { dropPlaceNoticeUnless, usePlaceNotice } from './last-place'

/** Says once why the window opened on a list instead of the record it showed when it last closed. */
export function PlaceNotice() {
  // Read as the shell renders it: the shell renders again on every change of address.
  const hash = window.location.hash
  const text = usePlaceNotice(hash)
  // The notice goes as soon as the window shows any other page.
  useEffect(() => dropPlaceNoticeUnless(hash), [hash])
  if (text === null) return null
  return (
    <p className="notice" role="status">
      {text}
    </p>
  )
}
