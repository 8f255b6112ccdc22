using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Partnership.Infrastructure.Data;

/// <summary>Marks DateTime values read from the database as UTC (providers return Kind=Unspecified).</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
