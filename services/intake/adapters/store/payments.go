package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/motcua/motcua/services/intake/app"
	"github.com/motcua/motcua/services/intake/domain/payment"
)

var _ app.PaymentStore = (*Dossiers)(nil)

// paymentColumns are the columns of a payment, in the order scanPayment reads them.
const paymentColumns = `p.id, p.dossier_id, p.gateway, p.amount_vnd, p.created_at, p.status,
	COALESCE(p.transaction_no, ''), COALESCE(p.bank_code, ''), COALESCE(p.response_code, ''), p.paid_at,
	p.settled_at, COALESCE(p.receipt_number, '')`

func scanPayment(row pgx.Row, p *payment.Payment, more ...any) error {
	var status string
	err := row.Scan(append([]any{&p.ID, &p.DossierID, &p.Gateway, &p.AmountVND, &p.CreatedAt, &status,
		&p.TransactionNo, &p.BankCode, &p.ResponseCode, orZero(&p.PaidAt), orZero(&p.SettledAt), &p.ReceiptNumber},
		more...)...)
	p.Status = payment.Status(status)
	return err
}

// CreatePayment keeps p, a payment just asked for.
func (s *Dossiers) CreatePayment(ctx context.Context, p payment.Payment) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO payments (id, dossier_id, gateway, amount_vnd, created_at, status)
		VALUES ($1, $2, $3, $4, $5, $6)`, p.ID, p.DossierID, p.Gateway, p.AmountVND, p.CreatedAt, string(p.Status))
	if err != nil {
		return fmt.Errorf("keep payment: %w", err)
	}
	return nil
}

// PaymentOf returns the payment with id and its dossier's code.
func (s *Dossiers) PaymentOf(ctx context.Context, id string) (payment.Payment, string, error) {
	var p payment.Payment
	var code string
	err := scanPayment(s.pool.QueryRow(ctx, `SELECT `+paymentColumns+`, d.code
		FROM payments p JOIN dossiers d ON d.id = p.dossier_id WHERE p.id = $1`, id), &p, &code)
	if errors.Is(err, pgx.ErrNoRows) {
		return p, "", app.ErrNotFound
	}
	if err != nil {
		return p, "", fmt.Errorf("read payment: %w", err)
	}
	return p, code, nil
}

// nextReceiptSQL takes the next number of a year's electronic receipts; the row lock it
// takes holds until the transaction ends (see receipt_sequences).
const nextReceiptSQL = `INSERT INTO receipt_sequences (year, last_value) VALUES ($1, 1)
	ON CONFLICT (year) DO UPDATE SET last_value = receipt_sequences.last_value + 1
	RETURNING last_value`

// SettlePayment is app.PaymentStore's settling: one transaction that locks the payment,
// then its dossier (always in this order, so two settlings never wait on each other),
// lets decide settle it, and saves the payment and the dossier's change with its step
// and events.
func (s *Dossiers) SettlePayment(ctx context.Context, id string, decide func(app.Settling) (app.Settlement, error)) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var in app.Settling
		err := scanPayment(tx.QueryRow(ctx, `SELECT `+paymentColumns+` FROM payments p WHERE p.id = $1 FOR UPDATE`, id),
			&in.Payment)
		if errors.Is(err, pgx.ErrNoRows) {
			return app.ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("lock payment: %w", err)
		}
		if err := scanStored(tx.QueryRow(ctx, lockDossierByIDSQL, in.Payment.DossierID), &in.Dossier); err != nil {
			return fmt.Errorf("lock the payment's dossier: %w", err)
		}
		in.NextReceipt = func(year int) (n int, err error) {
			err = tx.QueryRow(ctx, nextReceiptSQL, year).Scan(&n)
			return n, err
		}
		out, err := decide(in)
		if err != nil {
			return err
		}
		p := out.Payment
		b := &pgx.Batch{}
		b.Queue(`UPDATE payments SET status = $2, transaction_no = nullif($3, ''), bank_code = nullif($4, ''),
			response_code = nullif($5, ''), paid_at = $6, settled_at = $7, receipt_number = nullif($8, '')
			WHERE id = $1`, p.ID, string(p.Status), p.TransactionNo, p.BankCode, p.ResponseCode, orNull(p.PaidAt),
			orNull(p.SettledAt), p.ReceiptNumber)
		if out.Change != nil {
			if err := queueChange(b, in.Dossier.ID, *out.Change); err != nil {
				return err
			}
		}
		return tx.SendBatch(ctx, b).Close()
	})
	if err != nil {
		return fmt.Errorf("settle payment %s: %w", id, err)
	}
	return nil
}
