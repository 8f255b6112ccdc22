using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Partnership.Core.Catalog;
using Partnership.Core.Mail;

namespace Partnership.Core.Common;

/// <summary>
/// The data the area services use. Implemented by the one AppDbContext in Infrastructure; area services use
/// it directly (no repositories, see docs/adr/0002-dbcontext-not-repositories.md).
/// </summary>
public interface IAppDbContext
{
    DbSet<ProgramArea> ProgramAreas { get; }
    DbSet<PartnershipPlan> PartnershipPlans { get; }
    DbSet<Measure> Measures { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }

    EntityEntry<TEntity> Entry<TEntity>(TEntity entity) where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
