using BizSuite.Kernel;
using BizSuite.Orders;
using BizSuite.Purchasing.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Purchasing;

/// <summary>Lines name products of the catalogue (Orders) and the tenant's suppliers: an unknown one is a 422 naming the line's field.</summary>
internal sealed class CatalogueChecks(PurchasingDbContext db, IProductAppService products)
{
    public async Task EnsureProductsAsync(IReadOnlyList<Guid?> productIds, CancellationToken ct)
    {
        for (var i = 0; i < productIds.Count; i++)
        {
            if (productIds[i] is not { } id) continue;
            try
            {
                await products.GetAsync(id, ct);
            }
            catch (EntityNotFoundException)
            {
                throw new BusinessException(PurchasingErrors.UnknownProduct, StatusCodes.Status422UnprocessableEntity, id) { Field = $"lines[{i}].productId" };
            }
        }
    }

    /// <summary>Suppliers must exist and be active; <paramref name="field"/> formats the field name from the line's index.</summary>
    public async Task EnsureSuppliersAsync(IReadOnlyList<Guid?> supplierIds, CancellationToken ct, Func<int, string>? field = null)
    {
        field ??= i => $"lines[{i}].supplierId";
        var ids = supplierIds.OfType<Guid>().Distinct().ToList();
        var active = await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.IsActive, ct);
        for (var i = 0; i < supplierIds.Count; i++)
        {
            if (supplierIds[i] is not { } id) continue;
            if (!active.TryGetValue(id, out var isActive))
                throw new BusinessException(PurchasingErrors.UnknownSupplier, StatusCodes.Status422UnprocessableEntity, id) { Field = field(i) };
            if (!isActive)
                throw new BusinessException(PurchasingErrors.InactiveSupplier, StatusCodes.Status422UnprocessableEntity, id) { Field = field(i) };
        }
    }
}
