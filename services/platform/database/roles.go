package database

import (
	"context"
	"fmt"
	"net/url"
	"regexp"

	"github.com/jackc/pgx/v5"
)

// plainPassword is the form of the passwords Provision sets: they are written into SQL.
var plainPassword = regexp.MustCompile(`^[A-Za-z0-9]{16,}$`)

// RoleName is the role of schema's service on the database of dbURL: the database and
// the schema, so that several databases of one server (the tests') never share a role.
func RoleName(dbURL, schema string) (string, error) {
	cfg, err := pgx.ParseConfig(dbURL)
	if err != nil {
		return "", fmt.Errorf("database url: %w", err)
	}
	name := cfg.Database + "_" + schema
	if len(name) > 63 {
		name = name[len(name)-63:]
	}
	return name, nil
}

// Provision gives schema's service a role of its own on the database of adminURL (a
// role that may create roles): it logs in with password, owns schema and what is in it
// (also what an earlier start as the administrator created), and may do nothing else:
// no superuser, no other schema, not even create one. It returns the URL of adminURL for
// that role.
func Provision(ctx context.Context, adminURL, schema, password string) (string, error) {
	if !plainPassword.MatchString(password) {
		return "", fmt.Errorf("provision %s: the password must be 16 letters or digits at least", schema)
	}
	role, err := RoleName(adminURL, schema)
	if err != nil {
		return "", err
	}
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return "", fmt.Errorf("provision %s: %w", schema, err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	r, s := pgx.Identifier{role}.Sanitize(), pgx.Identifier{schema}.Sanitize()
	err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		// One start at a time: roles are the server's, not a database's.
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtext('motcua.roles'))"); err != nil {
			return err
		}
		var exists bool
		if err := tx.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)", role).Scan(&exists); err != nil {
			return err
		}
		verb := "CREATE"
		if exists {
			verb = "ALTER"
		}
		steps := []string{
			fmt.Sprintf("%s ROLE %s LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD '%s'", verb, r, password),
			"CREATE SCHEMA IF NOT EXISTS " + s,
			fmt.Sprintf("ALTER SCHEMA %s OWNER TO %s", s, r),
			"REVOKE ALL ON SCHEMA " + s + " FROM PUBLIC",
			"REVOKE CREATE ON SCHEMA public FROM PUBLIC",
			// Extensions the schemas' migrations use, which a service's role may not create.
			"CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public",
			fmt.Sprintf(`DO $$ DECLARE o record; BEGIN
				FOR o IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
					WHERE n.nspname = %[1]s AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
					AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')) LOOP
					EXECUTE format('ALTER %%s %%I.%%I OWNER TO %%I',
						CASE o.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
						%[1]s, o.relname, %[2]s);
				END LOOP; END $$`, quote(schema), quote(role)),
		}
		for _, q := range steps {
			if _, err := tx.Exec(ctx, q); err != nil {
				return fmt.Errorf("%.40s…: %w", q, err)
			}
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("provision %s: %w", schema, err)
	}
	u, err := url.Parse(adminURL)
	if err != nil {
		return "", fmt.Errorf("provision %s: %w", schema, err)
	}
	u.User = url.UserPassword(role, password)
	return u.String(), nil
}

// quote is s as an SQL string literal.
func quote(s string) string {
	out := []byte{'\''}
	for i := 0; i < len(s); i++ {
		if s[i] == '\'' {
			out = append(out, '\'')
		}
		out = append(out, s[i])
	}
	return string(append(out, '\''))
}
