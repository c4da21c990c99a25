using BizSuite.Finance;
using BizSuite.Kernel;
using BizSuite.Orders.Data;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Orders.SalesOrders;

/// <summary>Finance reports how much of the contract has come in; the order shows the same status.</summary>
internal sealed class UpdateCollectionStatusWhenCollectionChanged(OrdersDbContext db) : IDomainEventHandler<CollectionStatusChanged>
{
    public async Task HandleAsync(CollectionStatusChanged collection, CancellationToken ct)
    {
        var order = await db.SalesOrders.FirstOrDefaultAsync(o => o.ContractId == collection.ContractId, ct);
        order?.UpdateCollection(collection.Status);
    }
}
