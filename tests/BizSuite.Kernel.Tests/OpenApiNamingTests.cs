using Shouldly;

namespace BizSuite.Kernel.Tests;

/// <summary>The operationId and summary the kernel derives for an endpoint that does not name itself.</summary>
public sealed class OpenApiNamingTests
{
    [Theory]
    [InlineData("GET", "finance/invoices", "Finance", "ListInvoices", "List invoices")]
    [InlineData("GET", "finance/invoices/{id}", "Finance", "GetInvoice", "Get invoice")]
    [InlineData("GET", "orders/sales-orders/{id}/deliveries/{deliveryId}/pdf", "Orders", "GetSalesOrderDeliveryPdf", "Get sales order delivery PDF")]
    [InlineData("POST", "finance/invoices/{id}/payments", "Finance", "CreateInvoicePayment", "Create invoice payment")]
    [InlineData("POST", "crm/activities", "Crm", "CreateActivity", "Create activity")]
    [InlineData("POST", "crm/contracts/{id}/sign", "Crm", "SignContract", "Sign contract")]
    [InlineData("POST", "account/login", "Account", "Login", "Login")]
    [InlineData("POST", "crm/customers/import", "Crm", "ImportCustomers", "Import customers")]
    [InlineData("POST", "oa/tasks/{id}/status", "Oa", "SetTaskStatus", "Set task status")]
    [InlineData("POST", "saas/stripe/webhook", "Saas", "ReceiveStripeWebhook", "Receive stripe webhook")]
    [InlineData("PUT", "identity/roles/{id}/permissions", "Identity", "UpdateRolePermissions", "Update role permissions")]
    [InlineData("DELETE", "hr/departments/{id}", "Hr", "DeleteDepartment", "Delete department")]
    [InlineData("GET", "finance/reports/ar-aging", "Finance", "GetReportsArAging", "Get reports AR aging")]
    public void Method_and_route_give_the_operation_its_name_and_summary(string method, string route, string module, string words, string summary)
    {
        var (derivedModule, derived) = OperationConventionsTransformer.Derive(method, route.Split('/'));

        (derivedModule, string.Concat(derived), OperationConventionsTransformer.Sentence(derived))
            .ShouldBe((module.ToLowerInvariant(), words, summary));
    }

    [Fact]
    public void A_schema_name_belongs_to_one_type_so_a_second_type_of_that_name_fails_the_document_naming_both()
    {
        var ids = OpenApiConventions.UniqueSchemaIds();
        var json = System.Text.Json.JsonSerializerOptions.Default;

        ids(json.GetTypeInfo(typeof(Orders.DeliveryDto))).ShouldBe("DeliveryDto");
        ids(json.GetTypeInfo(typeof(Orders.DeliveryDto))).ShouldBe("DeliveryDto");
        ids(json.GetTypeInfo(typeof(Orders.Status?))).ShouldBe("Status"); // a nullable use shares its type's schema
        var clash = Should.Throw<InvalidOperationException>(() => ids(json.GetTypeInfo(typeof(Webhooks.DeliveryDto))));
        clash.Message.ShouldContain("Orders+DeliveryDto");
        clash.Message.ShouldContain("Webhooks+DeliveryDto");
    }

    private static class Orders
    {
        public sealed record DeliveryDto(Guid Id);
        public enum Status { Open }
    }

    private static class Webhooks
    {
        public sealed record DeliveryDto(string Url);
    }
}
