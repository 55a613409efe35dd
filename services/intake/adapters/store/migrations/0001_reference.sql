-- Reference data: offices (any hierarchy), procedures and the working calendar.
CREATE TABLE offices (
	code        text PRIMARY KEY,
	name        text NOT NULL,
	kind        text NOT NULL CHECK (kind IN ('provincial_centre', 'district_desk', 'commune_centre', 'department', 'post_office')),
	parent_code text REFERENCES offices (code),
	address     text NOT NULL DEFAULT ''
);

CREATE TABLE procedures (
	code             text PRIMARY KEY,
	name             text NOT NULL,
	name_folded      text NOT NULL,
	decided_by_kind  text NOT NULL,
	time_limit_hours integer NOT NULL CHECK (time_limit_hours >= 0),
	fee_vnd          bigint NOT NULL DEFAULT 0 CHECK (fee_vnd >= 0),
	fee_varies       boolean NOT NULL DEFAULT false
);
