-- Issue 24, finding 12: the portal mails a profile's address only once it is verified, by Keycloak's
-- verified account e-mail or by the signed link mailed to it. Addresses stored before were never verified.
alter table enterprise_profile add column email_verified_at timestamptz;
