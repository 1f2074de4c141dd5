/** SQL for what a booking carries besides the core row: whose phone to call and the escort details. */
import type { ContactChoice, Department, EscortView, MobilityNeed } from '@domain';
import type { Queryable } from '../../db';

export interface NewEscortDetails {
  bookingId: string;
  hospitalId: string;
  hospitalName: string;
  department: Department;
  appointmentAt: string;
  pickUp: boolean;
  mobility: MobilityNeed[];
}

export async function insertEscortDetails(q: Queryable, d: NewEscortDetails): Promise<void> {
  await q.query(
    `insert into booking_escort_details (booking_id, hospital_id, hospital_name, department, appointment_at, pick_up, mobility)
     values ($1, $2, $3, $4, $5::timestamptz, $6, $7::text[])`,
    [d.bookingId, d.hospitalId, d.hospitalName, d.department, d.appointmentAt, d.pickUp, d.mobility],
  );
}

/** A rescheduled escort's new hospital appointment. */
export async function moveAppointment(q: Queryable, bookingId: string, appointmentAt: string): Promise<void> {
  await q.query('update booking_escort_details set appointment_at = $2::timestamptz where booking_id = $1', [bookingId, appointmentAt]);
}

export async function setContact(q: Queryable, bookingId: string, contact: ContactChoice): Promise<void> {
  await q.query('update bookings set contact = $2 where id = $1', [bookingId, contact]);
}

export interface BookingDetails {
  contact: ContactChoice;
  escort: EscortView | null;
}

interface DetailsRow {
  id: string;
  contact: ContactChoice;
  hospitalId: string | null;
  hospitalName: string | null;
  department: Department | null;
  appointmentAt: Date | null;
  pickUp: boolean | null;
  mobility: MobilityNeed[] | null;
}

/** Contact choice and escort details of these bookings, in one query. */
export async function detailsOf(q: Queryable, bookingIds: readonly string[]): Promise<Map<string, BookingDetails>> {
  if (bookingIds.length === 0) return new Map();
  const r = await q.query<DetailsRow>(
    `select b.id, b.contact, e.hospital_id as "hospitalId", e.hospital_name as "hospitalName", e.department,
            e.appointment_at as "appointmentAt", e.pick_up as "pickUp", e.mobility
       from bookings b left join booking_escort_details e on e.booking_id = b.id
      where b.id = any($1::uuid[])`,
    [bookingIds],
  );
  return new Map(
    r.rows.map((row) => [
      row.id,
      {
        contact: row.contact,
        escort:
          row.hospitalId && row.hospitalName && row.department && row.appointmentAt && row.pickUp !== null
            ? {
                hospitalId: row.hospitalId,
                hospitalName: row.hospitalName,
                department: row.department,
                appointmentAt: new Date(row.appointmentAt).toISOString(),
                pickUp: row.pickUp,
                mobility: row.mobility ?? [],
              }
            : null,
      },
    ]),
  );
}
