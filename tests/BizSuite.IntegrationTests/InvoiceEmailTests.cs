using System.Net;
using BizSuite.Kernel;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using BizSuite.Tests;
using Shouldly;

namespace BizSuite.IntegrationTests;

/// <summary>Issued invoices reach the customer's billing contact by mail, through the job store and the tenant's own SMTP server.</summary>
[Collection(ApiCollection.Name)]
public sealed class InvoiceEmailTests(BizSuiteFactory app)
{
    [Fact]
    public async Task Signing_mails_the_first_invoice_with_its_pdf_to_the_primary_contact_through_the_tenants_smtp_server()
    {
        var tenant = await app.CreateTenantAsync("m");
        var admin = await app.LoginAsync(tenant, "admin", "Admin123!");
        await admin.PutAsync("/api/settings", System.Net.Http.Json.JsonContent.Create(new Dictionary<string, string>
        {
            ["Kernel.Smtp.Host"] = "127.0.0.1",
            ["Kernel.Smtp.Port"] = app.Smtp.Port.ToString(),
            ["Kernel.Smtp.Security"] = "None",
            ["Kernel.Smtp.Password"] = "smtp-secret",
            ["Kernel.Smtp.From"] = "账务 <billing@m.test>",
        }));
        var settings = (await admin.GetJsonAsync("/api/settings")).EnumerateArray().ToDictionary(s => s.Str("name"), s => s.Str("value"));
        settings["Kernel.Smtp.Password"].ShouldBe("********", "a secret is never shown again");
        (await app.ScalarAsync("SELECT COUNT(*) FROM kernel_settings WHERE Value LIKE '%smtp-secret%'")).ShouldBe(0, "and is stored encrypted");

        var customer = await admin.PostJsonAsync("/api/crm/customers", new { name = "苏州某某精密机械有限公司" }, HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/crm/contacts", new { customerId = customer.Str("id"), name = "陈财务", email = "ap@customer.test", isPrimary = true },
            HttpStatusCode.Created);
        var signed = await SignedContract.CreateAsync(app, tenant: tenant, customerId: customer.Str("id"));

        var before = app.Smtp.Messages.Count;
        await app.RunDueJobsAsync();

        var invoice = (await SignedContract.InvoicesAsync(admin, signed.ContractId)).Single();
        // The contract's approval also mailed the admin (OA notifications); the customer gets the invoice and nothing else.
        var mail = app.Smtp.Messages.Skip(before).Where(m => m.To.Mailboxes.Any(a => a.Address == "ap@customer.test")).ShouldHaveSingleItem();
        mail.From.Mailboxes.Single().Address.ShouldBe("billing@m.test");
        mail.Subject!.ShouldContain(invoice.Str("number"));
        mail.TextBody!.ShouldContain("陈财务");
        var pdf = mail.Attachments.OfType<MimePart>().ShouldHaveSingleItem();
        pdf.FileName.ShouldBe($"{invoice.Str("number")}.pdf");
        pdf.ContentType.MimeType.ShouldBe("application/pdf");
        using var content = new MemoryStream();
        await pdf.Content!.DecodeToAsync(content);
        var text = PdfText.Read(content.ToArray(), "invoice-mailed");
        text.All.ShouldContain($"发票号码{invoice.Str("number")}", Case.Sensitive, "the attachment is the invoice, in the tenant's language");
        text.All.ShouldContain("叁万陆仟肆佰肆拾肆元整");
        text.NotCoveredBy(app.Service<DocumentRenderer>().FontFace).ShouldBeEmpty();
    }
}
