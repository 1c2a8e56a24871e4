using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace LoanSaaS.Domain.Automation;

/// <summary>
/// Turns a condition into <c>Expression&lt;Func&lt;T, bool&gt;&gt;</c>: the same tree filters a table in SQL (EF translates it)
/// and checks one record in memory (<see cref="Predicate{T}"/>). Every comparison first asks that the field has a
/// value, so SQL's NULL logic and C#'s agree under negation. Values become query parameters, never SQL text.
/// </summary>
public static class ConditionCompiler
{
    public const int MaxDepth = 5;
    public const int MaxComparisons = 50;

    public static IReadOnlyList<ConditionError> Validate<T>(ConditionNode root, ConditionSchema<T> schema)
    {
        var errors = new List<ConditionError>();
        var comparisons = 0;
        void Visit(ConditionNode node, string path, int depth)
        {
            if (depth > MaxDepth) { errors.Add(new(path, "TooDeep")); return; }
            switch (node)
            {
                case ConditionGroup group:
                    if (group.Children.Count == 0 && depth > 0) errors.Add(new(path, "EmptyGroup"));
                    if (!Enum.IsDefined(group.Kind)) errors.Add(new(path, "OperatorNotAllowed"));
                    for (var i = 0; i < group.Children.Count; i++) Visit(group.Children[i], Join(path, i), depth + 1);
                    break;
                case Comparison comparison:
                    comparisons++;
                    if (Check(comparison, schema) is { } code) errors.Add(new(path, code));
                    break;
            }
        }
        Visit(root, "", 0);
        if (comparisons > MaxComparisons) errors.Add(new("", "TooBig"));
        return errors;
    }

    /// <summary>The expression for SQL; <paramref name="now"/> anchors "within N days" (today is its Shanghai date).</summary>
    /// <exception cref="ArgumentException">The condition does not validate against the schema.</exception>
    public static Expression<Func<T, bool>> ToExpression<T>(ConditionNode root, ConditionSchema<T> schema, DateTimeOffset now)
    {
        if (Validate(root, schema) is { Count: > 0 } errors)
            throw new ArgumentException($"Invalid condition: {string.Join(", ", errors.Select(e => $"{e.Path}:{e.Code}"))}", nameof(root));
        var record = Expression.Parameter(typeof(T), "record");
        return Expression.Lambda<Func<T, bool>>(Build(root, schema, record, now), record);
    }

    /// <summary>The same condition for one record in memory.</summary>
    public static Func<T, bool> Predicate<T>(ConditionNode root, ConditionSchema<T> schema, DateTimeOffset now) => ToExpression(root, schema, now).Compile();

    private static string Join(string path, int index) => path.Length == 0 ? index.ToString(CultureInfo.InvariantCulture) : $"{path}.{index}";

    private static string? Check<T>(Comparison comparison, ConditionSchema<T> schema)
    {
        if (schema.Find(comparison.Field) is not { } field) return "UnknownField";
        if (!field.Operators.Contains(comparison.Operator)) return "OperatorNotAllowed";
        var count = ConditionOperators.ValueCount(comparison.Operator);
        if (count >= 0 ? comparison.Values.Count != count : comparison.Values.Count == 0) return "ValuesMissing";
        return comparison.Values.All(v => TryParse(field, comparison.Operator, v, out _)) ? null : "ValueInvalid";
    }

    private static Expression Build<T>(ConditionNode node, ConditionSchema<T> schema, ParameterExpression record, DateTimeOffset now) => node switch
    {
        ConditionGroup { Kind: GroupKind.All } g => g.Children.Select(c => Build(c, schema, record, now)).Aggregate((Expression)Expression.Constant(true), Expression.AndAlso),
        ConditionGroup { Kind: GroupKind.Any } g => g.Children.Select(c => Build(c, schema, record, now)).Aggregate((Expression)Expression.Constant(false), Expression.OrElse),
        ConditionGroup g => Expression.Not(Build(g with { Kind = GroupKind.Any }, schema, record, now)),
        Comparison c => Compare(c, schema.Find(c.Field)!, record, now),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static Expression Compare(Comparison c, ConditionField field, ParameterExpression record, DateTimeOffset now)
    {
        var value = new ParameterRebinder(field.Accessor.Parameters[0], record).Visit(field.Accessor.Body);
        object? Value(int i)
        {
            TryParse(field, c.Operator, c.Values[i], out var parsed);
            return parsed;
        }
        if (field.Type == FieldType.MultiSelect) return CompareMany(c, value, Value);

        var type = value.Type;
        Expression HasValue() => type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Expression.Constant(true) : Expression.NotEqual(value, Expression.Constant(null, type));
        Expression Is(Expression test) => Expression.AndAlso(HasValue(), test);
        Expression Constant(object? v) => Parameter(v, type);
        var days = c.Operator is ConditionOperator.WithinLastDays or ConditionOperator.MoreThanDaysAgo or ConditionOperator.WithinNextDays ? (int)Value(0)! : 0;

        return c.Operator switch
        {
            ConditionOperator.EqualTo => Is(Expression.Equal(value, Constant(Value(0)))),
            ConditionOperator.NotEqualTo => Expression.Not(Is(Expression.Equal(value, Constant(Value(0))))),
            ConditionOperator.GreaterThan => Is(Expression.GreaterThan(value, Constant(Value(0)))),
            ConditionOperator.GreaterOrEqual => Is(Expression.GreaterThanOrEqual(value, Constant(Lower(field, Value(0))))),
            ConditionOperator.LessThan => Is(Expression.LessThan(value, Constant(Lower(field, Value(0))))),
            ConditionOperator.LessOrEqual => Is(Expression.LessThanOrEqual(value, Constant(Value(0)))),
            ConditionOperator.Between when field.Type == FieldType.DateTime =>
                Is(Expression.AndAlso(Expression.GreaterThanOrEqual(value, Constant(Lower(field, Value(0)))), Expression.LessThan(value, Constant(Upper(Value(1)))))),
            ConditionOperator.Between => Is(Expression.AndAlso(Expression.GreaterThanOrEqual(value, Constant(Value(0))), Expression.LessThanOrEqual(value, Constant(Value(1))))),
            ConditionOperator.Contains => Is(Expression.Call(value, StringContains, Parameter(Value(0), typeof(string)))),
            ConditionOperator.NotContains => Expression.Not(Is(Expression.Call(value, StringContains, Parameter(Value(0), typeof(string))))),
            ConditionOperator.IsEmpty => Empty(value),
            ConditionOperator.IsNotEmpty => Expression.Not(Empty(value)),
            ConditionOperator.In => Is(In(value, c.Values.Select((_, i) => Value(i)))),
            ConditionOperator.NotIn => Expression.Not(Is(In(value, c.Values.Select((_, i) => Value(i))))),
            ConditionOperator.WithinLastDays => Is(Expression.AndAlso(Expression.GreaterThanOrEqual(value, Constant(Ago(field, now, days))), Expression.LessThanOrEqual(value, Constant(Ago(field, now, 0))))),
            ConditionOperator.MoreThanDaysAgo => Is(Expression.LessThan(value, Constant(Ago(field, now, days)))),
            ConditionOperator.WithinNextDays => Is(Expression.AndAlso(Expression.GreaterThanOrEqual(value, Constant(Ago(field, now, 0))), Expression.LessThanOrEqual(value, Constant(Ago(field, now, -days))))),
            _ => throw new ArgumentOutOfRangeException(nameof(c)),
        };
    }

    /// <summary>A multi-select is a collection of text: holds a value, or holds none.</summary>
    private static Expression CompareMany(Comparison c, Expression values, Func<int, object?> value)
    {
        var any = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(string)], values);
        // Any(x => x == v), not Contains(v): SQL gets EXISTS (a semi-join) instead of a subquery run per row.
        Expression Holds()
        {
            var item = Expression.Parameter(typeof(string), "item");
            var equals = Expression.Lambda<Func<string, bool>>(Expression.Equal(item, Parameter(value(0), typeof(string))), item);
            return Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(string)], values, equals);
        }
        return c.Operator switch
        {
            ConditionOperator.Contains => Holds(),
            ConditionOperator.NotContains => Expression.Not(Holds()),
            ConditionOperator.IsEmpty => Expression.Not(any),
            _ => any,
        };
    }

    private static Expression Empty(Expression value) => value.Type == typeof(string)
        ? Expression.OrElse(Expression.Equal(value, Expression.Constant(null, typeof(string))), Expression.Equal(value, Expression.Constant("")))
        : value.Type.IsValueType && Nullable.GetUnderlyingType(value.Type) is null ? Expression.Constant(false) : Expression.Equal(value, Expression.Constant(null, value.Type));

    private static Expression In(Expression value, IEnumerable<object?> values)
    {
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(value.Type))!;
        foreach (var v in values) list.Add(v);
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [value.Type], Parameter(list, list.GetType()), value);
    }

    /// <summary>A date given for an instant field means the start of that Shanghai day.</summary>
    private static object? Lower(ConditionField field, object? value) =>
        field.Type == FieldType.DateTime && value is DateOnly date ? Time.Shanghai.StartOfDayUtc(date) : value;

    private static object? Upper(object? value) => value is DateOnly date ? Time.Shanghai.StartOfDayUtc(date.AddDays(1)) : value;

    /// <summary>N days before now: an instant for instant fields, a Shanghai date for date fields (negative N: ahead).</summary>
    private static object Ago(ConditionField field, DateTimeOffset now, int days) =>
        field.ValueType == typeof(DateOnly) ? Time.Shanghai.DateOf(now).AddDays(-days) : now.AddDays(-days);

    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;

    /// <summary>A value as a member of a closure object, which EF sends as a query parameter.</summary>
    private static MemberExpression Parameter(object? value, Type type)
    {
        var box = Activator.CreateInstance(typeof(Box<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(box), "Value");
    }

    private sealed class Box<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }

    /// <summary>Reads one value of a comparison as the field's type; days for the "N days" operators, dates for instants.</summary>
    private static bool TryParse(ConditionField field, ConditionOperator op, string text, out object? value)
    {
        value = null;
        var invariant = CultureInfo.InvariantCulture;
        text = text.Trim();
        if (op is ConditionOperator.WithinLastDays or ConditionOperator.MoreThanDaysAgo or ConditionOperator.WithinNextDays)
        {
            var ok = int.TryParse(text, NumberStyles.None, invariant, out var days) && days is >= 0 and <= 3650;
            value = days;
            return ok;
        }
        var type = field.ValueType;
        if (field.Options == OptionSource.Custom) { value = text; return field.Choices.Contains(text); }
        if (field.Type == FieldType.MultiSelect || type == typeof(string)) { value = text; return text.Length is > 0 and <= 200; }
        if (type == typeof(decimal)) { var ok = decimal.TryParse(text, NumberStyles.Number, invariant, out var d); value = d; return ok; }
        if (type == typeof(int)) { var ok = int.TryParse(text, NumberStyles.Integer, invariant, out var i); value = i; return ok; }
        if (type == typeof(bool)) { var ok = bool.TryParse(text, out var b); value = b; return ok; }
        if (type == typeof(Guid)) { var ok = Guid.TryParse(text, out var g); value = g; return ok; }
        if (type == typeof(DateOnly) || type == typeof(DateTimeOffset))
        {
            var ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var date);
            value = date;
            return ok;
        }
        if (type.IsEnum)
        {
            var ok = Enum.TryParse(type, text, ignoreCase: false, out var e) && Enum.IsDefined(type, e!) && !int.TryParse(text, out _);
            value = e;
            return ok;
        }
        return false;
    }

    private sealed class ParameterRebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
