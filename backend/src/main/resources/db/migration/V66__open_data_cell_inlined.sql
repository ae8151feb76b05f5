-- The same cell (RFC 4180, formula prefix) as a single expression without a sub-select, so that PostgreSQL inlines it
-- into open_data_source instead of planning and running it as a function of its own for each of a line's 24 cells:
-- that was four fifths of refreshing a project's line (about 1.6 of 2 ms), in the transaction of every change of an
-- approved dossier. The apostrophe put before a formula holds no quote or separator, so a cell is quoted exactly when
-- its value holds one.
create or replace function open_data_cell(value text, is_text boolean default true) returns text
    language sql immutable as $$
    select case
        when value is null then ''
        when is_text and left(value, 1) in ('=', '+', '-', '@', E'\t', E'\r') then
            case when value ~ '[,"\r\n]' then '"''' || replace(value, '"', '""') || '"' else '''' || value end
        when value ~ '[,"\r\n]' then '"' || replace(value, '"', '""') || '"'
        else value
    end
$$;
