-- The pickups at home citizens asked for online, as the post's PickupAsked events tell
-- them (the post office as a door): a postal worker who registers a dossier at the door
-- names one, which must be waiting at their post office for the same desk. The address
-- stays with the post.
CREATE TABLE asked_pickups (
	tracking_number  text PRIMARY KEY,
	receiving_office text NOT NULL,
	post_office      text NOT NULL,
	pickup_date      date NOT NULL,
	slot             text NOT NULL
);
