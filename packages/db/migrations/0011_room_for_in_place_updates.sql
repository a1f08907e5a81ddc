-- Every message sent updates its conversation's row (last seq, last change number, last
-- message time) and the sender's participant row (the read mark). None of those columns
-- is indexed, so PostgreSQL can update the rows in place (a HOT update, no new index
-- entries), but only where the row's page has room for the new version. Packed full,
-- nearly every such update wrote a new entry into each of the conversation's eight
-- indexes. The free space set here applies to pages written from now on.
ALTER TABLE conversations SET (fillfactor = 70);
--> statement-breakpoint
ALTER TABLE participants SET (fillfactor = 80);
