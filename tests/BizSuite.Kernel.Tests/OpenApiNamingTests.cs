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
}
