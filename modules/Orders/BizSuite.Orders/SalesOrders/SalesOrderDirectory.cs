using BizSuite.Orders.Data;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Orders.SalesOrders;

internal sealed class SalesOrderDirectory(OrdersDbContext db) : ISalesOrderDirectory
{
    public Task<string?> FindNumberAsync(Guid orderId, CancellationToken cancellationToken) =>
        db.SalesOrders.AsNoTracking().Where(o => o.Id == orderId).Select(o => o.Number).FirstOrDefaultAsync(cancellationToken);
}
