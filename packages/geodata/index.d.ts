export declare const geodataFiles: { kommuner: string; fylker: string; norge: string };
export declare const attribution: string;
