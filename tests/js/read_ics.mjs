// Read an .ics file with ical.js (the parser inside Thunderbird) and print what a
// calendar client would show, as JSON: one object per VEVENT.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const text = readFileSync(process.argv[2], "utf8");
const calendar = new ICAL.Component(ICAL.parse(text));
for (const zone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(zone);
}
const when = (time) =>
  time.isDate ? time.toString() : time.toJSDate().toISOString().replace(".000Z", "Z");
const events = calendar.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    recurrence: event.recurrenceId ? when(event.recurrenceId) : null,
    summary: event.summary,
    location: event.location,
    description: event.description,
    start: when(event.startDate),
    end: when(event.endDate),
    status: component.getFirstPropertyValue("status"),
    sequence: event.sequence,
    attendees: event.attendees.map((a) => [a.getParameter("cn"), a.getFirstValue()]),
  };
});
process.stdout.write(JSON.stringify(events));
