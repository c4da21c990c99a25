using Shouldly;

namespace BizSuite.Kernel.Tests;

public sealed class EventJournalRecordTests
{
    private sealed record PaymentNoted(Guid InvoiceId, Guid? ContractId, Guid? CustomerId, Guid ApplicantUserId, Guid TenantId, string Number) : IDomainEvent;

    [Fact]
    public void An_event_links_its_aggregate_and_the_records_it_names_but_not_users_tenants_or_empty_ids()
    {
        var (aggregate, invoice, customer) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var evt = new PaymentNoted(invoice, null, customer, Guid.NewGuid(), Guid.NewGuid(), "INV-1");

        EventJournalRecord.About(evt, aggregate).ShouldBe([aggregate, invoice, customer], ignoreOrder: true);
        EventJournalRecord.About(evt, invoice).ShouldBe([invoice, customer], ignoreOrder: true, "the aggregate named again links once");
    }
}
