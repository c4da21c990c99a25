using BizSuite.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace BizSuite.Crm.Customers;

internal static class CustomerEndpoints
{
    public static void MapCustomerEndpoints(this IEndpointRouteBuilder api)
    {
        var customers = api.MapGroup("/crm/customers").WithTags("Customers").RequirePermission(CrmPermissions.Customers);
        customers.MapGet("/", ListCustomers).WithExcelExport();
        customers.MapGet("/{id:guid}", GetCustomer);
        customers.MapPost("/", CreateCustomer).RequirePermission(CrmPermissions.CustomersManage);
        customers.MapPut("/{id:guid}", UpdateCustomer).RequirePermission(CrmPermissions.CustomersManage);
        customers.MapImport<CustomerImporter>(CrmPermissions.CustomersManage);
    }

    private static async Task<Ok<PagedResult<CustomerDto>>> ListCustomers(CustomerAppService s, [AsParameters] PageRequest page,
        string? customField, string? customValue, CancellationToken ct) => TypedResults.Ok(await s.GetListAsync(page, customField, customValue, ct));

    private static async Task<Ok<CustomerDto>> GetCustomer(CustomerAppService s, Guid id, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(id, ct));

    private static async Task<Created<CustomerDto>> CreateCustomer(CustomerAppService s, SaveCustomerRequest request, CancellationToken ct)
    {
        var customer = await s.CreateAsync(request, ct);
        return TypedResults.Created($"/api/crm/customers/{customer.Id}", customer);
    }

    private static async Task<Ok<CustomerDto>> UpdateCustomer(CustomerAppService s, Guid id, SaveCustomerRequest request, CancellationToken ct) =>
        TypedResults.Ok(await s.UpdateAsync(id, request, ct));
}
