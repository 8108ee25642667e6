import ICAL from 'ical.js';

export interface ReadEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  allDay: boolean;
  categories: string[];
}

/** An .ics file read back as a mail calendar reads it (ical.js, not the library that wrote it). */
export function readIcs(ics: string): { name: unknown; description: unknown; events: ReadEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
      categories: component.getAllProperties('categories').flatMap((property) => property.getValues().map(String)),
    };
  });
  return { name: calendar.getFirstPropertyValue('x-wr-calname'), description: calendar.getFirstPropertyValue('x-wr-caldesc'), events };
}

/** The kind of an event, from its UID (`billrun-2010-08-03@…`). */
export const kindOf = (event: ReadEvent): string | undefined => event.uid.split('-')[0];
