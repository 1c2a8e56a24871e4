using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LoanSaaS.Infrastructure;

/// <summary>
/// Registers every use case (a public sealed class of this assembly with a public HandleAsync method) as scoped, so
/// a new use-case file needs no registration line. Services with other lifetimes are registered by hand.
/// </summary>
internal static class UseCaseRegistration
{
    public static IServiceCollection AddUseCases(this IServiceCollection services)
    {
        var useCases = typeof(UseCaseRegistration).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsSealed: true, IsAbstract: false, IsGenericTypeDefinition: false }
                && t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.Name == "HandleAsync"));
        foreach (var type in useCases) services.TryAddScoped(type);
        return services;
    }
}
