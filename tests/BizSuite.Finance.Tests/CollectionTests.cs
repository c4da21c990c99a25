using BizSuite.Finance.Invoices;
using BizSuite.Finance.Payments;
using BizSuite.Kernel;
using Shouldly;
using static BizSuite.Finance.Tests.SignedOrders;

namespace BizSuite.Finance.Tests;

/// <summary>Money coming in and going back: payments, credit notes, and the collection status they move.</summary>
public sealed class CollectionTests
{
    private static Payment Pay(Invoice invoice, decimal amount) =>
        Payment.Receive("SK2026000001", invoice, PaymentMethod.BankTransfer, SignedOn, amount, "工行回单", null);

    private static CollectionStatusChanged LastStatusChange(Receivables.Receivable receivable) =>
        receivable.RaisedEvents.Select(e => e.Event).OfType<CollectionStatusChanged>().Last();

    [Fact]
    public void Partial_payments_move_the_invoice_and_the_contract_and_the_last_one_settles_both()
    {
        var receivable = ReceivableOf([Line(1, 1000.00m, 0.13m)], 1130.00m);
        var invoice = Issue(receivable, receivable.Installments.Single());

        Pay(invoice, 130.00m);
        receivable.ApplyPayment(invoice.Id, 130.00m, SignedOn);
        (invoice.Status, invoice.Outstanding).ShouldBe((InvoiceStatus.PartiallyPaid, 1000.00m));
        receivable.Status.ShouldBe(CollectionStatus.Partial);

        var settled = Pay(invoice, 1000.00m);
        receivable.ApplyPayment(invoice.Id, 1000.00m, SignedOn);
        (invoice.Status, invoice.Outstanding).ShouldBe((InvoiceStatus.Paid, 0m));
        settled.RaisedEvents.Select(e => e.Event).OfType<PaymentRecorded>().Single().InvoicePaid.ShouldBeTrue();
        receivable.Status.ShouldBe(CollectionStatus.Paid);
        LastStatusChange(receivable).ShouldBe(new CollectionStatusChanged(receivable.ContractId, receivable.OrderId, CollectionStatus.Paid, 1130.00m, 1130.00m));
    }

    [Fact]
    public void Paying_more_than_is_outstanding_is_refused_and_changes_nothing()
    {
        var receivable = ReceivableOf([Line(1, 100.00m, 0m)], 100.00m);
        var invoice = Issue(receivable, receivable.Installments.Single());
        Pay(invoice, 60.00m);

        var refused = Should.Throw<BusinessException>(() => Pay(invoice, 40.01m));

        (refused.Code, refused.StatusCode, refused.Field).ShouldBe((FinanceErrors.Overpayment, 422, "amount"));
        (invoice.PaidAmount, invoice.Status).ShouldBe((60.00m, InvoiceStatus.PartiallyPaid));
        Pay(invoice, 40.00m);
        Should.Throw<BusinessException>(() => Pay(invoice, 0.01m)).Code.ShouldBe(FinanceErrors.InvoiceNotOpen);
    }

    [Fact]
    public void A_credit_note_reverses_the_whole_invoice_and_lowers_what_is_left_to_collect()
    {
        var receivable = ReceivableOf([Line(1, 1000.00m, 0.13m)], 339.00m, 791.00m);
        var invoices = IssueAll(receivable);

        var note = CreditNote.Reverse("HC2026000001", invoices[1], SignedOn, " 客户取消安装 ");
        receivable.Credit(invoices[1].Id, SignedOn);

        (note.NetTotal, note.VatTotal, note.GrossTotal).ShouldBe((invoices[1].NetTotal, invoices[1].VatTotal, invoices[1].GrossTotal));
        note.Reason.ShouldBe("客户取消安装");
        (invoices[1].Status, invoices[1].Outstanding).ShouldBe((InvoiceStatus.Credited, 0m));
        (receivable.Credited, receivable.Collectible, receivable.Outstanding).ShouldBe((791.00m, 339.00m, 339.00m));

        Pay(invoices[0], 339.00m);
        receivable.ApplyPayment(invoices[0].Id, 339.00m, SignedOn);
        receivable.Status.ShouldBe(CollectionStatus.Paid, "what is left after the credit note has come in");
    }

    [Fact]
    public void Crediting_one_installment_of_a_contract_reverses_its_invoice_to_the_cent_and_the_rest_stays_to_collect()
    {
        // A third each of 67.80 (60.00 + 13 %) and 42.40 (40.00 + 6 %): the credited middle invoice splits VAT per line.
        var receivable = ReceivableOf([Line(1, 60.00m, 0.13m), Line(2, 40.00m, 0.06m)], 36.73m, 36.73m, 36.74m);
        var invoices = IssueAll(receivable);

        var note = CreditNote.Reverse("HC2026000001", invoices[1], SignedOn, "第二期取消");
        receivable.Credit(invoices[1].Id, SignedOn);

        var issued = note.RaisedEvents.Select(e => e.Event).OfType<CreditNoteIssued>().Single();
        (issued.NetTotal, issued.VatTotal, issued.GrossTotal)
            .ShouldBe((invoices[1].Lines.Sum(l => l.NetAmount), invoices[1].Lines.Sum(l => l.VatAmount), 36.73m), "the reversal books what the invoice booked");
        (issued.NetTotal + issued.VatTotal).ShouldBe(issued.GrossTotal);
        (receivable.Credited, receivable.Collectible, receivable.Outstanding).ShouldBe((36.73m, 73.47m, 73.47m));
        Pay(invoices[0], 36.73m);
        receivable.ApplyPayment(invoices[0].Id, 36.73m, SignedOn);
        receivable.Status.ShouldBe(CollectionStatus.Partial, "the third installment is still open");
        Pay(invoices[2], 36.74m);
        receivable.ApplyPayment(invoices[2].Id, 36.74m, SignedOn);
        (receivable.Status, receivable.Outstanding).ShouldBe((CollectionStatus.Paid, 0m));
    }

    [Fact]
    public void An_invoice_is_credited_once_and_never_beyond_what_it_billed()
    {
        var receivable = ReceivableOf([Line(1, 100.00m, 0.06m)], 106.00m);
        var invoice = Issue(receivable, receivable.Installments.Single());
        CreditNote.Reverse("HC2026000001", invoice, SignedOn, "开错");

        var again = Should.Throw<BusinessException>(() => CreditNote.Reverse("HC2026000002", invoice, SignedOn, "again"));

        (again.Code, again.StatusCode).ShouldBe((FinanceErrors.InvoiceNotOpen, 409));
        Should.Throw<BusinessException>(() => Pay(invoice, 1m)).Code.ShouldBe(FinanceErrors.InvoiceNotOpen, "nothing is collected on a credited invoice");
    }

    [Fact]
    public void A_partly_paid_invoice_cannot_be_credited_until_the_money_is_refunded()
    {
        var receivable = ReceivableOf([Line(1, 100.00m, 0.06m)], 106.00m);
        var invoice = Issue(receivable, receivable.Installments.Single());
        Pay(invoice, 6.00m);

        var refused = Should.Throw<BusinessException>(() => CreditNote.Reverse("HC2026000001", invoice, SignedOn, "退货"));

        (refused.Code, refused.StatusCode).ShouldBe((FinanceErrors.InvoiceHasPayments, 409));
        invoice.Status.ShouldBe(InvoiceStatus.PartiallyPaid);
    }

    [Fact]
    public void An_invoice_past_its_due_date_makes_the_contract_overdue_until_it_is_paid()
    {
        var receivable = ReceivableOf([Line(1, 100.00m, 0m)], 40.00m, 60.00m);
        var first = Issue(receivable, receivable.Installments[0]);

        receivable.Refresh(first.DueOn);
        receivable.Status.ShouldBe(CollectionStatus.Unpaid, "due today is not overdue");
        receivable.Refresh(first.DueOn.AddDays(1));
        receivable.Status.ShouldBe(CollectionStatus.Overdue);

        Pay(first, 40.00m);
        receivable.ApplyPayment(first.Id, 40.00m, first.DueOn.AddDays(1));
        receivable.Status.ShouldBe(CollectionStatus.Partial, "the second installment is not invoiced yet, so nothing is late");
    }
}
