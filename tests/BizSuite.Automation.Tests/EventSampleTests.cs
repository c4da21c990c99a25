using System.Text.Json;
using BizSuite.Automation.Rules;
using Shouldly;

namespace BizSuite.Automation.Tests;

public sealed class EventSampleTests
{
    [Fact]
    public void Each_event_names_where_its_payload_carries_custom_fields_and_the_sample_has_an_object_there()
    {
        var carriers = EventSamples.All.Where(t => t.CustomFields.Count > 0).ToDictionary(t => t.Name);
        carriers["finance.invoice.overdue"].CustomFields.ShouldBe([new("customFields", "finance.invoice"), new("customer.customFields", "crm.customer")]);
        carriers["orders.delivery.recorded"].CustomFields.ShouldBe([new("customFields", "orders.sales-order")]);
        carriers["purchasing.order.confirmed"].CustomFields.ShouldBe([new("customFields", "purchasing.purchase-order")]);
        carriers["hr.employee.updated"].CustomFields.ShouldBe([new("customFields", "hr.employee")]);
        carriers.Keys.ShouldContain("crm.contract.signed");
        foreach (var type in carriers.Values)
            foreach (var set in type.CustomFields)
                Payload.Find(type.Sample, set.Path)?.ValueKind.ShouldBe(JsonValueKind.Object, $"{type.Name}: {set.Path}");
    }
}
