using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Crm.Contacts;

internal static class ContactEndpoints
{
    public static void MapContactEndpoints(this IEndpointRouteBuilder api)
    {
        var contacts = api.MapGroup("/crm/contacts").WithTags("Contacts").RequirePermission(CrmPermissions.Contacts);
        contacts.MapGet("/", ListContacts).WithExcelExport();
        contacts.MapGet("/{id:guid}", GetContact);
        contacts.MapPost("/", CreateContact).RequirePermission(CrmPermissions.ContactsManage);
        contacts.MapPut("/{id:guid}", UpdateContact).RequirePermission(CrmPermissions.ContactsManage);
        contacts.MapImport<ContactImporter>(CrmPermissions.ContactsManage);
    }

    private static async Task<Ok<PagedResult<ContactDto>>> ListContacts(ContactAppService s, [AsParameters] PageRequest page, Guid? customerId, CancellationToken ct) =>
        TypedResults.Ok(await s.GetListAsync(page, customerId, ct));

    private static async Task<Ok<ContactDto>> GetContact(ContactAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct));

    private static async Task<Created<ContactDto>> CreateContact(ContactAppService s, SaveContactRequest request, CancellationToken ct)
    {
        var contact = await s.CreateAsync(request, ct);
        return TypedResults.Created($"/api/crm/contacts/{contact.Id}", contact);
    }

    private static async Task<Ok<ContactDto>> UpdateContact(ContactAppService s, Guid id, SaveContactRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.UpdateAsync(id, request, ct));
}
