package servicetest

import "testing"

// TestAPI runs the checks that leave no dossier behind against one shared service.
func TestAPI(t *testing.T) {
	t.Parallel()
	e := start(t)
	t.Run("sign in", func(t *testing.T) { testSignIn(t, e) })
	t.Run("offices", func(t *testing.T) { testOffices(t, e) })
	t.Run("procedures", func(t *testing.T) { testProcedures(t, e) })
	t.Run("calendar", func(t *testing.T) { testCalendar(t, e) })
	t.Run("registration refused", func(t *testing.T) { testRegisterRefused(t, e) })
}
